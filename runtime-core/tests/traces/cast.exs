defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

{:ok, pid} = GenServer.start_link(Counter, 0)
GenServer.cast(pid, :inc)
GenServer.cast(pid, :inc)
Process.sleep(1)
IO.inspect(:sys.get_state(pid))
