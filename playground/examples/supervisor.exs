# A supervisor restarts a server that stopped: the new process starts again
# from init/1, and the registered name follows it, so callers carry on.
defmodule Counter do
  use GenServer

  def start_link(start), do: GenServer.start_link(__MODULE__, start, name: Counter)

  def init(start), do: {:ok, start}
  def handle_call(:next, _from, n), do: {:reply, n, n + 1}
  def handle_cast(:fail, n), do: {:stop, {:shutdown, :lost_count}, n}
end

{:ok, _supervisor} = Supervisor.start_link([{Counter, 1}], strategy: :one_for_one)
IO.puts("next: #{GenServer.call(Counter, :next)}")
IO.puts("next: #{GenServer.call(Counter, :next)}")
GenServer.cast(Counter, :fail)
Process.sleep(100)
IO.puts("after the restart: #{GenServer.call(Counter, :next)}")
