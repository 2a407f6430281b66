# A proxy Task makes the call for us: if it gives up, the stale reply
# goes to the proxy, never into our mailbox.
defmodule Slow do
  use GenServer

  def init(_), do: {:ok, nil}

  def handle_call(:answer, _from, s) do
    Process.sleep(100)
    {:reply, 42, s}
  end
end

{:ok, server} = GenServer.start_link(Slow, nil, name: :slow)
me = self()

{:ok, proxy} =
  Task.start(fn ->
    result =
      try do
        {:ok, GenServer.call(server, :answer, 20)}
      catch
        :exit, {:timeout, _} -> :gave_up
      end

    send(me, {:proxy, result})
    # The proxy lives on a little: the late reply lands here.
    Process.sleep(200)
  end)

IO.puts("the client keeps working while the proxy waits")
receive do
  {:proxy, result} -> IO.inspect(result, label: "proxy says")
end

ref = Process.monitor(proxy)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "proxy ended")
end

IO.inspect(Process.info(self(), :message_queue_len), label: "client mailbox")
