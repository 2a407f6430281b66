# 1 000 000 processes each cast one :inc to one counter GenServer; the main process
# polls the count until it reaches 1 000 000. Needs more processes than the default
# limit: run as `elixir --erl "+P 2000000" million_senders.exs`.
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
  @senders 1_000_000

  def run do
    {:ok, counter} = GenServer.start_link(Counter, 0)
    spawn_senders(counter, @senders)
    IO.puts(poll(counter))
  end

  defp spawn_senders(_counter, 0), do: :ok

  defp spawn_senders(counter, n) do
    spawn(fn -> GenServer.cast(counter, :inc) end)
    spawn_senders(counter, n - 1)
  end

  defp poll(counter) do
    case GenServer.call(counter, :get, :infinity) do
      @senders -> @senders
      _fewer ->
        Process.sleep(10)
        poll(counter)
    end
  end
end

Bench.run()
