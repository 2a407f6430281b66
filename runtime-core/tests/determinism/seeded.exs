# seed: 20261127
# Eight workers sleep a random time, then report a random number; a GenServer
# adds them up. The seed decides the order they finish in and every number, so
# the same seed gives the same trace natively and in the browser.
defmodule Tally do
  use GenServer

  def init(total), do: {:ok, total}
  def handle_cast({:add, n}, total), do: {:noreply, total + n}
  def handle_call(:total, _from, total), do: {:reply, total, total}
end

defmodule Worker do
  def start(parent, id) do
    spawn(fn ->
      Process.sleep(:rand.uniform(50))
      send(parent, {:done, id, :rand.uniform(1000)})
    end)
  end
end

{:ok, tally} = GenServer.start_link(Tally, 0)
for id <- 1..8, do: Worker.start(self(), id)

finished =
  for _ <- 1..8 do
    receive do
      {:done, id, n} ->
        GenServer.cast(tally, {:add, n})
        {id, n}
    end
  end

IO.inspect(finished)
IO.puts("total: #{GenServer.call(tally, :total)}")
