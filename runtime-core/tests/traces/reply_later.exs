defmodule Gate do
  use GenServer
  def init(_), do: {:ok, []}
  def handle_call(:wait, from, waiting), do: {:noreply, [from | waiting]}

  def handle_cast(:open, waiting) do
    Enum.each(waiting, &GenServer.reply(&1, :opened))
    {:noreply, []}
  end
end

{:ok, gate} = GenServer.start_link(Gate, nil)
spawn(fn -> Process.sleep(2); GenServer.cast(gate, :open) end)
IO.inspect(GenServer.call(gate, :wait))
