# 500 000 GenServer.call round trips to one server.
defmodule Counter do
  use GenServer

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
end

defmodule Bench do
  def run do
    {:ok, pid} = GenServer.start_link(Counter, 0)
    IO.puts(loop(pid, 500_000, 0))
  end

  defp loop(_pid, 0, last), do: last
  defp loop(pid, n, _last), do: loop(pid, n - 1, GenServer.call(pid, :inc))
end

Bench.run()
