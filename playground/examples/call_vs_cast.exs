# Casts do not wait: a fast sender fills a slow server's mailbox.
# Calls wait for each reply, so the mailbox never grows.
defmodule Slow do
  use GenServer

  def init(n), do: {:ok, n}

  def handle_cast(:work, n) do
    Process.sleep(5)
    {:noreply, n + 1}
  end

  def handle_call(:work, _from, n) do
    Process.sleep(5)
    {:reply, :ok, n + 1}
  end

  def handle_call(:count, _from, n), do: {:reply, n, n}
end

{:ok, casted} = GenServer.start_link(Slow, 0, name: :casted)
Enum.each(1..50, fn _ -> GenServer.cast(casted, :work) end)
IO.puts("50 casts sent without waiting: they queue in the mailbox")

{:ok, called} = GenServer.start_link(Slow, 0, name: :called)
Enum.each(1..50, fn _ -> GenServer.call(called, :work) end)
IO.puts("50 calls sent, each waited for its reply")

IO.puts("casts handled: #{GenServer.call(casted, :count)}")
IO.puts("calls handled: #{GenServer.call(called, :count)}")
