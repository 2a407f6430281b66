# A counter: three casts, then a call reads the count.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, _} = GenServer.start_link(Counter, 0, name: :counter)
GenServer.cast(:counter, :inc)
GenServer.cast(:counter, :inc)
GenServer.cast(:counter, :inc)
IO.puts("count: #{GenServer.call(:counter, :get)}")
