# Casts and calls to one GenServer are handled one at a time, in arrival order.
defmodule Log do
  use GenServer

  def start_link, do: GenServer.start_link(__MODULE__, [])
  def add(pid, item), do: GenServer.cast(pid, {:add, item})
  def items(pid), do: GenServer.call(pid, :items)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_cast({:add, item}, items), do: {:noreply, [{:cast, item} | items]}

  @impl true
  def handle_call(:items, {caller, _tag}, items) do
    seen = [{:call, caller == Process.whereis(:main)} | items]
    {:reply, Enum.reverse(seen), seen}
  end
end

Process.register(self(), :main)
{:ok, pid} = Log.start_link()
IO.inspect(Log.add(pid, :a), label: "cast returns")
Log.add(pid, :b)
IO.inspect(Log.items(pid), label: "handled so far")
Log.add(pid, :c)
IO.inspect(Log.items(pid), label: "and then")

other = spawn(fn -> Log.add(pid, :from_other) end)
ref = Process.monitor(other)
receive do
  {:DOWN, ^ref, :process, _, :normal} -> :ok
end
IO.inspect(Log.items(pid) |> Enum.take(-2), label: "a cast from another process")

IO.inspect(GenServer.cast(:no_such_server, :hello), label: "cast to an unknown name")
dead = spawn(fn -> :ok end)
Process.sleep(10)
IO.inspect(GenServer.cast(dead, :hello), label: "cast to a dead pid")
IO.inspect(GenServer.cast({:global, :nobody}, :hello), label: "cast to an unknown global name")
