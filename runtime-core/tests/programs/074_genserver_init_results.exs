# What GenServer.start returns for each result of init/1.
defmodule Starter do
  use GenServer

  @impl true
  def init(:ok), do: {:ok, :ready}
  def init(:continue), do: {:ok, :before_continue, {:continue, :warm_up}}
  def init(:stop), do: {:stop, :refused}
  def init(:ignore), do: :ignore
  def init(:timeout), do: {:ok, :waiting, 20}
  def init(:raise), do: raise("init failed")

  @impl true
  def handle_continue(:warm_up, _state) do
    IO.puts("handle_continue runs before any message")
    {:noreply, :after_continue}
  end

  @impl true
  def handle_info(:timeout, state) do
    IO.puts("init timeout delivered :timeout to handle_info")
    {:noreply, {:timed_out, state}}
  end

  @impl true
  def handle_call(:state, _from, state), do: {:reply, state, state}
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Starter, :ok)
    IO.inspect(GenServer.call(pid, :state), label: "{:ok, state}")

    {:ok, pid} = GenServer.start(Starter, :continue)
    IO.inspect(GenServer.call(pid, :state), label: "{:ok, state, {:continue, _}}")

    IO.inspect(GenServer.start(Starter, :stop), label: "{:stop, reason}")
    IO.inspect(GenServer.start(Starter, :ignore), label: ":ignore")

    {:ok, pid} = GenServer.start(Starter, :timeout)
    Process.sleep(50)
    IO.inspect(GenServer.call(pid, :state), label: "{:ok, state, timeout}")

    {:error, {exception, stack}} = GenServer.start(Starter, :raise)
    IO.inspect(exception, label: "init raised")
    IO.inspect(is_list(stack), label: "with a stacktrace")

    Process.flag(:trap_exit, true)
    IO.inspect(GenServer.start_link(Starter, :stop), label: "start_link {:stop, reason}")
    receive do
      {:EXIT, _pid, reason} -> IO.inspect(reason, label: "and the EXIT message")
    after
      100 -> IO.puts("no EXIT message")
    end
  end
end

Demo.run()
