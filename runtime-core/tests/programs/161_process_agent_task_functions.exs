# Process.send/3 and spawn/2 with options, spawn_monitor/3, Agent's
# module-function-arguments forms, Task.start/3 and Task.yield_many/2, which
# waits for several tasks up to one deadline.
defmodule Worker do
  def double(x), do: x * 2
  def add(state, n), do: state + n

  def run do
    IO.inspect(Process.send(self(), :hi, []))
    receive do
      m -> IO.inspect(m)
    end
    {pid, ref} = Process.spawn(fn -> :ok end, [:monitor])
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
    end
    {:ok, agent} = Agent.start_link(Worker, :double, [21])
    IO.inspect(Agent.get(agent, Worker, :add, [1]))
    Agent.update(agent, Worker, :add, [10])
    IO.inspect(Agent.get(agent, & &1))
    tasks = [Task.async(fn -> 1 end), Task.async(fn -> Process.sleep(50); 2 end), Task.async(fn -> Process.sleep(5000); 3 end)]
    IO.inspect(Task.yield_many(tasks, 100) |> Enum.map(fn {_t, r} -> r end))
    {:ok, _} = Task.start(Worker, :double, [1])
    {pid2, ref2} = spawn_monitor(Worker, :double, [3])
    receive do
      {:DOWN, ^ref2, :process, ^pid2, reason} -> IO.inspect(reason)
    end
  end
end

Worker.run()
