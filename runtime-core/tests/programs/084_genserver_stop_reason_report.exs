# A handler returning {:stop, reason, state} with a non-exception reason: the report and the DOWN.
defmodule Machine do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_cast(:break, state), do: {:stop, :bad_thing, state}

  @impl true
  def handle_info({:fail, reason}, state), do: {:stop, reason, state}
end

defmodule Demo do
  def watch(message, send_it) do
    {:ok, pid} = GenServer.start(Machine, %{step: 3, name: "machine"})
    ref = Process.monitor(pid)
    send_it.(pid, message)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} ->
        Process.sleep(50)
        IO.inspect(reason, label: "DOWN reason")
    end
  end

  def run do
    watch(:break, &GenServer.cast/2)
    watch({:fail, {:error, :disk_full}}, &send/2)
    watch({:fail, {:shutdown, :quietly}}, &send/2)
  end
end

Demo.run()
