# Starting children at run time (a duplicate id, a failing init, :ignore),
# Agent and Task children, child_spec overrides, a DynamicSupervisor, and a
# supervisor whose child cannot start.
defmodule Bad do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(:stop), do: {:stop, :no_way}
  def init(:ignore), do: :ignore
  def init(:ok), do: {:ok, nil}
end

defmodule Main do
  def run do
    {:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
    IO.inspect(Supervisor.start_child(sup, {Bad, :ok}) |> elem(0))
    IO.inspect(Supervisor.start_child(sup, {Bad, :ok}))
    IO.inspect(Supervisor.start_child(sup, Supervisor.child_spec({Bad, :stop}, id: :b2)))
    IO.inspect(Supervisor.start_child(sup, Supervisor.child_spec({Bad, :ignore}, id: :b3)))
    IO.inspect(Supervisor.which_children(sup))
    {:ok, agent_sup} = Supervisor.start_link([{Agent, fn -> 5 end}, {Task, fn -> IO.puts("task ran") end}], strategy: :one_for_one)
    Process.sleep(10)
    [{Agent, agent, :worker, [Agent]}] = Supervisor.which_children(agent_sup)
    IO.inspect(Agent.get(agent, & &1))
    IO.inspect(Supervisor.child_spec({Agent, fn -> 1 end}, []) |> Map.delete(:start))
    IO.inspect(Supervisor.child_spec(Bad, restart: :temporary))
    {:ok, dyn} = DynamicSupervisor.start_link(strategy: :one_for_one)
    {:ok, p1} = DynamicSupervisor.start_child(dyn, {Agent, fn -> 1 end})
    {:ok, _p2} = DynamicSupervisor.start_child(dyn, {Agent, fn -> 2 end})
    IO.inspect(DynamicSupervisor.count_children(dyn))
    IO.inspect(DynamicSupervisor.terminate_child(dyn, p1))
    IO.inspect(DynamicSupervisor.which_children(dyn) |> length())
    Process.flag(:trap_exit, true)
    IO.inspect(Supervisor.start_link([{Bad, :stop}], strategy: :one_for_one))
    receive do
      m -> IO.inspect(m)
    end
  end
end
Main.run()
