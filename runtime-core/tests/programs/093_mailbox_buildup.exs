# Casts in a loop pile up in the server's mailbox; calls in a loop keep it at most one deep.
defmodule Sink do
  use GenServer

  @impl true
  def init(_), do: {:ok, 0}

  @impl true
  def handle_cast(:work, n) do
    Process.sleep(1)
    {:noreply, n + 1}
  end

  @impl true
  def handle_call(:work, _from, n) do
    Process.sleep(1)
    {:reply, :ok, n + 1}
  end

  def handle_call(:count, _from, n), do: {:reply, n, n}
end

defmodule Demo do
  def queue_len(pid), do: elem(Process.info(pid, :message_queue_len), 1)

  def run do
    {:ok, server} = GenServer.start(Sink, nil)
    for _ <- 1..200, do: GenServer.cast(server, :work)
    after_casts = queue_len(server)
    IO.inspect(after_casts > 100, label: "more than 100 casts still queued right after sending 200")
    IO.inspect(GenServer.call(server, :count, :infinity), label: "a call waits behind all of them")
    IO.inspect(queue_len(server), label: "queue after the call")

    {:ok, server} = GenServer.start(Sink, nil)
    parent = self()
    spawn(fn ->
      for _ <- 1..50, do: GenServer.call(server, :work)
      send(parent, :caller_done)
    end)

    max_seen =
      Enum.reduce(1..20, 0, fn _, acc ->
        Process.sleep(2)
        max(acc, queue_len(server))
      end)
    receive do
      :caller_done -> :ok
    end
    IO.inspect(max_seen <= 1, label: "one calling client never queues more than one message")
    IO.inspect(GenServer.call(server, :count), label: "calls handled")
  end
end

Demo.run()
