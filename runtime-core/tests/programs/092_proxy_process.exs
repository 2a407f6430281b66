# A proxy process makes a call on the client's behalf, so the client never blocks,
# and a reply that comes after the proxy gave up is dropped with the proxy.
defmodule Slow do
  use GenServer

  @impl true
  def init(_), do: {:ok, nil}

  @impl true
  def handle_call({:work, ms}, _from, s) do
    Process.sleep(ms)
    {:reply, {:worked, ms}, s}
  end
end

defmodule Proxy do
  def request(server, msg, timeout) do
    client = self()
    ref = make_ref()
    Task.start(fn ->
      result =
        try do
          {:ok, GenServer.call(server, msg, timeout)}
        catch
          :exit, {:timeout, _} -> {:error, :timeout}
        end
      send(client, {ref, result})
    end)
    ref
  end
end

defmodule Demo do
  def run do
    {:ok, server} = GenServer.start(Slow, nil)
    ref = Proxy.request(server, {:work, 30}, 1000)
    IO.puts("client is free while the proxy waits")
    receive do
      {^ref, result} -> IO.inspect(result, label: "proxy result")
    end

    ref = Proxy.request(server, {:work, 100}, 20)
    receive do
      {^ref, result} -> IO.inspect(result, label: "proxy gave up")
    end

    Process.sleep(150)
    IO.inspect(Process.info(self(), :message_queue_len), label: "client mailbox stays clean")
    IO.inspect(GenServer.call(server, {:work, 1}), label: "server still works")
  end
end

Demo.run()
