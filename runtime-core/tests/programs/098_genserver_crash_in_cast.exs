# A handle_cast that raises: the crash report (no client), and what a monitor and a link see.
defmodule Fragile do
  use GenServer

  @impl true
  def init(state), do: {:ok, state}

  @impl true
  def handle_cast({:set, key, value}, state) when is_atom(key), do: {:noreply, Map.put(state, key, value)}
  def handle_cast({:set, key, _value}, _state), do: raise(ArgumentError, "keys must be atoms, got: #{inspect(key)}")
end

defmodule Demo do
  def run do
    Process.flag(:trap_exit, true)
    {:ok, pid} = GenServer.start_link(Fragile, %{count: 1})
    ref = Process.monitor(pid)
    GenServer.cast(pid, {:set, :name, "ok"})
    GenServer.cast(pid, {:set, "bad", 2})

    receive do
      {:DOWN, ^ref, :process, ^pid, {%ArgumentError{message: m}, _stack}} ->
        Process.sleep(50)
        IO.puts("monitor saw: #{m}")
    end

    receive do
      {:EXIT, ^pid, {exception, _stack}} -> IO.inspect(exception, label: "link saw")
    end

    IO.puts("the caster is still running")
  end
end

Demo.run()
