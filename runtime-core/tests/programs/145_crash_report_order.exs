# When crash reports print: a GenServer's report as soon as the logger gets a turn, before its caller
# goes on; a plain process's report only once every process waits (here, in the final sleep).
defmodule Counter do
  use GenServer

  def init(state), do: {:ok, state}

  def handle_call(:explode, _from, state), do: {:reply, elem(state, 3), state}
  def handle_cast(:explode, state), do: {:noreply, elem(state, 3)}
end

defmodule Lists do
  def empty, do: []
end

{:ok, server} = GenServer.start(Counter, {})

try do
  GenServer.call(server, :explode)
catch
  :exit, _ -> IO.puts("the caller caught the exit")
end

IO.puts("after the call")
{_pid, ref} = spawn_monitor(fn -> hd(Lists.empty()) end)

receive do
  {:DOWN, ^ref, :process, _, _} -> IO.puts("got DOWN")
end

IO.puts("after the spawn")
{:ok, other} = GenServer.start(Counter, {})
other_ref = Process.monitor(other)
GenServer.cast(other, :explode)

receive do
  {:DOWN, ^other_ref, :process, _, _} -> IO.puts("got the server's DOWN")
end

IO.puts("sleeping")
Process.sleep(100)
IO.puts("end")
