# GenServer.stop/1 and stop/3, and when terminate/2 runs.
defmodule Stoppable do
  use GenServer

  @impl true
  def init(name), do: {:ok, name}

  @impl true
  def terminate(reason, name) do
    IO.puts("terminate(#{inspect(reason)}) for #{name}")
    :ignored
  end
end

defmodule Trapping do
  use GenServer

  @impl true
  def init(name) do
    Process.flag(:trap_exit, true)
    {:ok, name}
  end

  @impl true
  def terminate(reason, name), do: IO.puts("trapping #{name} terminate(#{inspect(reason)})")
end

defmodule Demo do
  def run do
    {:ok, a} = GenServer.start(Stoppable, "a")
    IO.inspect(GenServer.stop(a), label: "stop/1 returns")
    IO.inspect(Process.alive?(a), label: "alive after stop")

    {:ok, b} = GenServer.start(Stoppable, "b")
    IO.inspect(GenServer.stop(b, :shutdown, 1000), label: "stop/3 returns")

    {:ok, c} = GenServer.start(Stoppable, "c")
    IO.inspect(GenServer.stop(c, {:shutdown, :maintenance}), label: "stop with a shutdown tuple")

    {:ok, d} = GenServer.start(Stoppable, "d")
    ref = Process.monitor(d)
    Process.exit(d, :shutdown)
    receive do
      {:DOWN, ^ref, :process, ^d, reason} -> IO.inspect(reason, label: "exit signal, not trapping: no terminate")
    end

    # The parent (the process that called start_link) stopping a trapping server runs terminate.
    Process.flag(:trap_exit, true)
    {:ok, e} = GenServer.start_link(Trapping, "e")
    Process.exit(e, :shutdown)
    receive do
      {:EXIT, ^e, reason} -> IO.inspect(reason, label: "EXIT")
    end

    try do
      GenServer.stop(a)
    catch
      :exit, reason -> IO.inspect(reason, label: "stop of a dead server exits with")
    end
  end
end

Demo.run()
