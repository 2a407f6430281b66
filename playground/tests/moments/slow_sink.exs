# Casts queue up behind a slow handler: the mailbox grows, then drains.
defmodule Sink do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_cast(:work, n) do
    Process.sleep(1)
    {:noreply, n + 1}
  end
  def handle_call(:count, _from, n), do: {:reply, n, n}
end

{:ok, sink} = GenServer.start_link(Sink, 0)
Enum.each(1..4, fn _ -> GenServer.cast(sink, :work) end)
IO.puts(GenServer.call(sink, :count))
