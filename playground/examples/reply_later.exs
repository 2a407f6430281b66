# Keep `from`, reply later: callers wait at a gate until a cast opens it.
defmodule Gate do
  use GenServer

  def init(_), do: {:ok, []}

  def handle_call(:wait, from, waiting), do: {:noreply, [from | waiting]}

  def handle_cast(:open, waiting) do
    Enum.each(Enum.reverse(waiting), fn from -> GenServer.reply(from, :opened) end)
    {:noreply, []}
  end
end

{:ok, gate} = GenServer.start_link(Gate, nil, name: :gate)
parent = self()

for i <- 1..3 do
  spawn(fn -> send(parent, {i, GenServer.call(gate, :wait)}) end)
end

Process.sleep(50)
IO.puts("three callers are waiting at the gate")
GenServer.cast(gate, :open)
replies = for _ <- 1..3, do: (receive do reply -> reply end)
IO.inspect(Enum.sort(replies))
