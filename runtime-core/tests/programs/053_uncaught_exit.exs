# exit/1 with a reason that is not a shutdown reason: printed as "** (exit)", status 1.
defmodule Worker do
  def stop(reason), do: exit(reason)
end

IO.puts("about to exit")
Worker.stop({:bad_state, [1, 2]})
