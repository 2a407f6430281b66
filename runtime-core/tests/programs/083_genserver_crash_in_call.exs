# A handle_call that raises: the crash report names the client, and the caller exits too.
defmodule Fragile do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call({:divide, n}, _from, state), do: {:reply, div(state.total, n), state}
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Fragile, %{total: 10})
    IO.inspect(GenServer.call(pid, {:divide, 2}), label: "10 div 2")

    result =
      try do
        GenServer.call(pid, {:divide, 0})
      catch
        :exit, {{exception, _stack}, {GenServer, :call, [_pid, msg, timeout]}} ->
          {:caller_exited, exception, msg, timeout}
      end

    # Let the logger finish the report before printing.
    Process.sleep(50)
    IO.inspect(result)
    IO.inspect(Process.alive?(pid), label: "server alive")
  end
end

Demo.run()
