# A supervisor started from a list of children: it starts them in order,
# restarts one that crashes (the crash report is the child's own), and
# answers which_children, count_children, terminate/restart/delete_child.
defmodule Counter do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_cast(:boom, _n), do: raise("boom")
end

defmodule Echo do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: Echo)
  def init(:ok), do: {:ok, 0}
  def handle_call(msg, _from, s), do: {:reply, msg, s}
end

{:ok, sup} = Supervisor.start_link([{Counter, 10}, Echo], strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end))
GenServer.cast(Counter, :inc)
IO.inspect(GenServer.call(Counter, :get))
old = Process.whereis(Counter)
GenServer.cast(Counter, :boom)
Process.sleep(100)
new = Process.whereis(Counter)
IO.inspect({is_pid(new), new != old})
IO.inspect(GenServer.call(Counter, :get))
IO.inspect(Supervisor.terminate_child(sup, Echo))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end))
IO.inspect(Supervisor.restart_child(sup, Echo) |> elem(0))
IO.inspect(Supervisor.delete_child(sup, Echo))
IO.inspect(Supervisor.terminate_child(sup, Echo))
IO.inspect(Supervisor.delete_child(sup, Echo))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.stop(sup))
IO.inspect(Process.whereis(Counter))
