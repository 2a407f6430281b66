# handle_info: plain messages, timers, and what the default implementation does with a message.
defmodule Ticker do
  use GenServer

  @impl true
  def init(_) do
    Process.send_after(self(), :tick, 10)
    {:ok, 0}
  end

  @impl true
  def handle_info(:tick, n) when n < 3 do
    IO.puts("tick #{n + 1}")
    Process.send_after(self(), :tick, 10)
    {:noreply, n + 1}
  end

  def handle_info(:tick, n), do: {:noreply, n}

  def handle_info({:hello, from}, n) do
    send(from, {:hi, n})
    {:noreply, n}
  end

  @impl true
  def handle_call(:count, _from, n), do: {:reply, n, n}
end

defmodule Quiet do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_call(:ping, _from, state), do: {:reply, :pong, state}
end

defmodule Trapper do
  use GenServer

  @impl true
  def init(state) do
    Process.flag(:trap_exit, true)
    {:ok, state}
  end

  @impl true
  def handle_call(:ping, _from, state), do: {:reply, :pong, state}
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start_link(Ticker, nil)
    Process.sleep(100)
    IO.inspect(GenServer.call(pid, :count), label: "ticks")
    send(pid, {:hello, self()})
    receive do
      {:hi, n} -> IO.inspect(n, label: "plain message answered")
    end

    # Quiet does not define handle_info/2: the default one logs the message and keeps going.
    {:ok, quiet} = GenServer.start(Quiet, :state)
    send(quiet, :unexpected)
    Process.sleep(50)
    IO.inspect(GenServer.call(quiet, :ping), label: "still serving")

    # A trapping server gets exit signals from processes other than its parent as messages,
    # and GenServer.start (no link) makes the server its own parent.
    {:ok, trapper} = GenServer.start(Trapper, :other)
    Process.exit(trapper, :some_reason)
    Process.sleep(50)
    IO.inspect(GenServer.call(trapper, :ping), label: "trapping server survives the signal")
  end
end

Demo.run()
