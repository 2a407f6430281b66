defmodule Sink do
  use GenServer

  def init(count), do: {:ok, count}

  def handle_cast({:store, _item}, count) do
    Process.sleep(10)
    {:noreply, count + 1}
  end

  def handle_call(:count, _from, count), do: {:reply, count, count}
end

{:ok, sink} = GenServer.start_link(Sink, 0)

for item <- 1..20 do
  :ok = GenServer.cast(sink, {:store, item})
end

{:message_queue_len, len} = Process.info(sink, :message_queue_len)
IO.puts("the client is done; the mailbox holds about #{div(len + 5, 10) * 10}")

started = System.monotonic_time(:millisecond)
count = GenServer.call(sink, :count)
waited = System.monotonic_time(:millisecond) - started
IO.puts("a query sent now waits behind the queue (150 ms or more: #{waited >= 150}) and sees #{count}")
