# A supervision tree: `use Supervisor` and `use GenServer, restart: :transient`
# define child_spec/1; a transient child that stops normally stays down; a
# DynamicSupervisor restarts its child; when the inner supervisor is killed
# once too often, the outer one gives up and the script, linked to it, exits.
defmodule Worker do
  use GenServer, restart: :transient
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name), do: {:ok, name}
  def handle_cast(:done, name), do: {:stop, :normal, name}
  def handle_cast(:crash, name), do: {:stop, :oops, name}
end

defmodule Inner do
  use Supervisor
  def start_link(_), do: Supervisor.start_link(__MODULE__, :ok, name: Inner)
  def init(:ok), do: Supervisor.init([{Worker, :w1}], strategy: :one_for_one)
end

defmodule Outer do
  use Supervisor
  def start_link, do: Supervisor.start_link(__MODULE__, :ok, name: Outer)
  def init(:ok), do: Supervisor.init([Inner, {Worker, :w2}], strategy: :one_for_one, max_restarts: 1)
end

IO.inspect(Worker.child_spec(:x))
IO.inspect(Inner.child_spec(:y))
{:ok, outer} = Outer.start_link()
IO.inspect(Supervisor.which_children(Outer) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.inspect(Supervisor.count_children(Outer))
GenServer.cast(:w2, :done)
Process.sleep(200)
IO.inspect(Supervisor.which_children(Outer) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end))
GenServer.cast(:w1, :crash)
Process.sleep(200)
IO.inspect(is_pid(Process.whereis(:w1)))
{:ok, dyn} = DynamicSupervisor.start_link(strategy: :one_for_one, name: Dyn)
{:ok, w3} = DynamicSupervisor.start_child(Dyn, {Worker, :w3})
GenServer.cast(w3, :crash)
Process.sleep(200)
IO.inspect(DynamicSupervisor.count_children(dyn))
IO.inspect(Process.whereis(:w3) != w3)
Process.exit(Process.whereis(Inner), :kill)
Process.sleep(200)
IO.inspect(is_pid(Process.whereis(Inner)))
Process.exit(Process.whereis(Inner), :kill)
Process.sleep(200)
IO.puts("not reached")
