# Agent: a process that holds state, with get, update, get_and_update, cast and stop.
defmodule Demo do
  def run do
    {:ok, agent} = Agent.start_link(fn -> %{} end)
    IO.inspect(Agent.get(agent, & &1), label: "initial")
    IO.inspect(Agent.update(agent, &Map.put(&1, :a, 1)), label: "update returns")
    IO.inspect(Agent.get(agent, &Map.get(&1, :a)), label: "get")
    IO.inspect(Agent.get_and_update(agent, fn s -> {map_size(s), Map.put(s, :b, 2)} end), label: "get_and_update")
    IO.inspect(Agent.cast(agent, &Map.put(&1, :c, 3)), label: "cast returns")
    IO.inspect(Agent.get(agent, & &1), label: "after the cast")
    IO.inspect(Agent.get(agent, &Map.keys/1, 1000), label: "get with a timeout")

    {:ok, counter} = Agent.start(fn -> 0 end, name: :counter)
    for _ <- 1..10, do: Agent.cast(:counter, &(&1 + 1))
    IO.inspect(Agent.get(:counter, & &1), label: "named counter")

    parent = self()
    for i <- 1..5 do
      spawn(fn ->
        Agent.update(:counter, &(&1 + i))
        send(parent, :updated)
      end)
    end
    for _ <- 1..5, do: receive(do: (:updated -> :ok))
    IO.inspect(Agent.get(:counter, & &1), label: "after concurrent updates")

    IO.inspect(Agent.stop(counter), label: "stop")
    IO.inspect(Process.alive?(counter), label: "alive after stop")

    try do
      Agent.get(:counter, & &1)
    catch
      :exit, {reason, {GenServer, :call, [name, {:get, fun}, timeout]}} ->
        IO.inspect({reason, name, is_function(fun), timeout}, label: "get after stop")
    end

    slow = Agent.start_link(fn -> :state end) |> elem(1)
    try do
      Agent.get(slow, fn s -> Process.sleep(100); s end, 10)
    catch
      :exit, {reason, {GenServer, :call, [_pid, _msg, timeout]}} -> IO.inspect({reason, timeout}, label: "slow get")
    end
  end
end

Demo.run()
