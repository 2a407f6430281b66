# GenServer.reply/2: replying early, then working; and keeping `from` to reply later.
defmodule Worker do
  use GenServer

  @impl true
  def init(_), do: {:ok, %{pending: nil, done: 0}}

  @impl true
  def handle_call(:ack_then_work, from, state) do
    GenServer.reply(from, :accepted)
    # The client prints while this sleep stands for the real work.
    Process.sleep(30)
    IO.puts("server: work finished after the early reply")
    {:noreply, %{state | done: state.done + 1}}
  end

  def handle_call(:wait_for_result, from, state) do
    Process.send_after(self(), :result_ready, 40)
    IO.puts("server: keeping the caller waiting, not blocked itself")
    {:noreply, %{state | pending: from}}
  end

  def handle_call(:done, _from, state), do: {:reply, state.done, state}

  @impl true
  def handle_cast(:ping, state) do
    IO.puts("server: handled a cast while the caller waits")
    {:noreply, state}
  end

  @impl true
  def handle_info(:result_ready, %{pending: from} = state) do
    IO.inspect(GenServer.reply(from, {:result, 42}), label: "server: reply/2 returns")
    {:noreply, %{state | pending: nil}}
  end
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start_link(Worker, nil)
    IO.inspect(GenServer.call(pid, :ack_then_work), label: "client got")
    IO.puts("client: continues while the server works")
    IO.inspect(GenServer.call(pid, :done), label: "client: done count (queued behind the work)")

    spawn(fn ->
      Process.sleep(10)
      GenServer.cast(pid, :ping)
    end)
    IO.inspect(GenServer.call(pid, :wait_for_result), label: "client: later reply")
  end
end

Demo.run()
