# In GenServer callbacks a thrown value is the callback's return value, as gen_server.erl treats it.
defmodule Thrower do
  use GenServer

  @impl true
  def init(:throw_ok), do: throw({:ok, :thrown_state})
  def init(state), do: {:ok, state}

  @impl true
  def handle_call(:get, _from, state), do: throw({:reply, {:thrown, state}, state})
  def handle_call(:bad, _from, _state), do: throw(:oops)

  @impl true
  def handle_cast(:inc, state), do: throw({:noreply, state + 1})
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Thrower, :throw_ok)
    IO.inspect(:sys.get_state(pid), label: "state from a thrown init result")

    {:ok, pid} = GenServer.start(Thrower, 1)
    IO.inspect(GenServer.call(pid, :get), label: "thrown reply")
    GenServer.cast(pid, :inc)
    IO.inspect(GenServer.call(pid, :get), label: "after a thrown noreply")

    ref = Process.monitor(pid)

    try do
      GenServer.call(pid, :bad)
    catch
      :exit, {reason, {GenServer, :call, [_, request, _]}} -> IO.inspect({reason, request}, label: "caller exits")
    end

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "server exited")
    end

    Process.sleep(50)
  end
end

Demo.run()
