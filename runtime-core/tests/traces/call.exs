defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, pid} = GenServer.start_link(Counter, 41)
IO.inspect(GenServer.call(pid, :get))
