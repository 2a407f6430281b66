defmodule Sink do
  use GenServer

  def init(count), do: {:ok, count}

  def handle_call({:store, _item}, _from, count) do
    Process.sleep(10)
    {:reply, :ok, count + 1}
  end

  def handle_call(:count, _from, count), do: {:reply, count, count}
end

{:ok, sink} = GenServer.start_link(Sink, 0)

for item <- 1..20 do
  :ok = GenServer.call(sink, {:store, item})
  {:message_queue_len, len} = Process.info(sink, :message_queue_len)
  if rem(item, 5) == 0, do: IO.puts("after #{item} calls the mailbox holds #{len}")
end

IO.inspect(GenServer.call(sink, :count), label: "stored")
