# GenServer.call with the default timeout, an explicit one, :infinity, and a call that times out.
defmodule Slow do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call({:sleep, ms}, _from, state) do
    Process.sleep(ms)
    {:reply, {:slept, ms}, state}
  end
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start_link(Slow, nil)
    IO.inspect(GenServer.call(pid, {:sleep, 10}), label: "default timeout (5000)")
    IO.inspect(GenServer.call(pid, {:sleep, 10}, 100), label: "explicit timeout")
    IO.inspect(GenServer.call(pid, {:sleep, 30}, :infinity), label: ":infinity")

    result =
      try do
        GenServer.call(pid, {:sleep, 100}, 20)
      catch
        :exit, {:timeout, {GenServer, :call, [^pid, msg, timeout]}} -> {:timeout, msg, timeout}
      end
    IO.inspect(result, label: "timed out")

    Process.sleep(150)
    IO.inspect(Process.info(self(), :message_queue_len), label: "late reply is not delivered")
    IO.inspect(Process.alive?(pid), label: "server survives the caller's timeout")

    try do
      GenServer.call(pid, {:sleep, 100}, 20)
    catch
      :exit, reason -> IO.puts(Exception.format_exit(reason))
    end
  end
end

Demo.run()
