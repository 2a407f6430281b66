# one_for_all restarts every child when one exits, rest_for_one the ones
# started after it; children stop newest first. Past max_restarts within
# max_seconds the supervisor stops its children and exits with :shutdown.
# (The children stop with {:shutdown, _}, which a permanent child is
# restarted after but which logs no crash report, so the output keeps one
# order.)
defmodule Fragile do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{name}")
    {:ok, name}
  end
  def handle_cast(:boom, name), do: {:stop, {:shutdown, :boom}, name}
  def terminate(reason, name), do: IO.puts("terminate #{name} #{inspect(reason)}")
end

defmodule Tree do
  use Supervisor
  def start_link(strategy), do: Supervisor.start_link(__MODULE__, strategy, name: Tree)
  def init(strategy) do
    children = [
      Supervisor.child_spec({Fragile, :a}, id: :a),
      Supervisor.child_spec({Fragile, :b}, id: :b),
      Supervisor.child_spec({Fragile, :c}, id: :c)
    ]
    Supervisor.init(children, strategy: strategy, max_restarts: 2, max_seconds: 10)
  end
end

for strategy <- [:one_for_all, :rest_for_one] do
  IO.puts("-- #{strategy}")
  {:ok, sup} = Tree.start_link(strategy)
  GenServer.cast(:b, :boom)
  Process.sleep(50)
  Supervisor.stop(sup)
end
Process.flag(:trap_exit, true)
{:ok, sup} = Tree.start_link(:one_for_one)
for _ <- 1..3 do
  GenServer.cast(:c, :boom)
  Process.sleep(10)
end
receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exited")
end
