# Calling a server that is gone, one that dies during the call, and calling yourself.
defmodule Echo do
  use GenServer

  @impl true
  def init(s), do: {:ok, s}

  @impl true
  def handle_call(:self_call, _from, s), do: {:reply, GenServer.call(self(), :ping), s}
  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
  def handle_call(:die, _from, s), do: {:stop, :normal, s}
  def handle_call(:hang, _from, s), do: {:noreply, s}
end

defmodule Demo do
  def attempt(label, fun) do
    try do
      IO.inspect(fun.(), label: label)
    catch
      :exit, {reason, {GenServer, :call, [_target, msg, timeout]}} ->
        # Let a crash report from the server print first.
        Process.sleep(50)
        IO.inspect({short(reason), msg, timeout}, label: "#{label} exits")
    end
  end

  # The server's own exit reason contains its pid; keep only the part that does not vary.
  defp short({reason, {GenServer, :call, _}}), do: {reason, :inner_call}
  defp short(reason), do: reason

  def run do
    {:ok, pid} = GenServer.start(Echo, nil)
    GenServer.stop(pid)
    attempt("dead pid", fn -> GenServer.call(pid, :ping) end)

    {:ok, pid} = GenServer.start(Echo, nil)
    attempt("dies while handling", fn -> GenServer.call(pid, :die) end)

    {:ok, pid} = GenServer.start(Echo, nil)
    spawn(fn -> Process.sleep(20); Process.exit(pid, :kill) end)
    attempt("killed while we wait", fn -> GenServer.call(pid, :hang) end)

    {:ok, pid} = GenServer.start(Echo, nil)
    attempt("server calls itself", fn -> GenServer.call(pid, :self_call) end)

    attempt("main calls itself", fn -> GenServer.call(self(), :ping) end)
  end
end

Demo.run()
