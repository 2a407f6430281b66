# An uncaught call timeout ends the script with the exit reason printed.
defmodule Slow do
  use GenServer
  def init(state), do: {:ok, state}

  def handle_call(:work, _from, state) do
    Process.sleep(500)
    {:reply, :done, state}
  end
end

{:ok, pid} = GenServer.start(Slow, nil)
IO.puts("calling with a 50 ms timeout")
GenServer.call(pid, :work, 50)
