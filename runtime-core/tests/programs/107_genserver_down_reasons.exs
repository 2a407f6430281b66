# What a monitor sees when a GenServer stops: the error term and stack for a crash, the reason for an exit or a stop.
defmodule Touchy do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_cast(:match, state) do
    {:ok, value} = Map.fetch(state, :missing)
    {:noreply, value}
  end

  def handle_cast(:exit, _state), do: exit(:boom)
  def handle_cast(:stop, state), do: {:stop, {:custom, 1}, state}
  def handle_cast(:key, state), do: {:noreply, state.missing}
  def handle_cast(:continue, state), do: {:noreply, state, {:continue, :later}}

  @impl true
  def handle_info(:expected, state), do: {:noreply, state}

  @impl true
  def handle_continue(:later, state), do: {:noreply, state.count + 1}
end

defmodule Demo do
  def run do
    for how <- [{:cast, :match}, {:cast, :exit}, {:cast, :stop}, {:cast, :key}, {:info, :unexpected}, {:continue, :later}] do
      {:ok, pid} = GenServer.start(Touchy, %{count: :none})
      ref = Process.monitor(pid)

      case how do
        {:cast, request} -> GenServer.cast(pid, request)
        {:info, message} -> send(pid, message)
        {:continue, _} -> GenServer.cast(pid, :continue)
      end

      receive do
        {:DOWN, ^ref, :process, ^pid, reason} ->
          # Let the logger print its report first.
          Process.sleep(50)
          IO.inspect(reason, label: inspect(how))
      end
    end
  end
end

Demo.run()
