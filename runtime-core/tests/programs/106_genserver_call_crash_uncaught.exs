# A call to a GenServer that crashes while handling it, not caught: the caller's exit shows the server's error and stack.
defmodule Divider do
  use GenServer

  @impl true
  def init(divisor), do: {:ok, divisor}

  @impl true
  def handle_call({:divide, n}, _from, divisor), do: {:reply, div(n, divisor), divisor}
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Divider, 0)
    GenServer.call(pid, {:divide, 10})
    IO.puts("not reached")
  end
end

Demo.run()
