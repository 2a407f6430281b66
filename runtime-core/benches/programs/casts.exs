# 1 000 000 casts to one GenServer, then one call that waits for all of them.
defmodule Counter do
  use GenServer

  @impl true
  def init(n), do: {:ok, n}

  @impl true
  def handle_cast(:inc, n), do: {:noreply, n + 1}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Bench do
  def run do
    {:ok, pid} = GenServer.start_link(Counter, 0)
    send_casts(pid, 1_000_000)
    IO.puts(GenServer.call(pid, :get, :infinity))
  end

  defp send_casts(_pid, 0), do: :ok

  defp send_casts(pid, n) do
    GenServer.cast(pid, :inc)
    send_casts(pid, n - 1)
  end
end

Bench.run()
