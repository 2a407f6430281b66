# Task and Agent: small processes built from spawn, monitors and GenServer.

defmodule Task do
  defstruct mfa: nil, owner: nil, pid: nil, ref: nil

  def async(fun) do
    owner = self()
    ref = make_ref()
    pid = spawn_link(fn -> send(owner, {ref, fun.()}) end)
    :callcast.monitor_as(pid, ref)
    %Task{mfa: {:erlang, :apply, 2}, owner: owner, pid: pid, ref: ref}
  end

  def async(module, fun, args), do: async(fn -> apply(module, fun, args) end)

  def await(%Task{ref: ref} = task, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  def await_many(tasks, timeout \\ 5000), do: Enum.map(tasks, fn t -> await(t, timeout) end)

  def yield(%Task{ref: ref}, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def shutdown(%Task{pid: pid, ref: ref}, _timeout \\ 5000) do
    Process.unlink(pid)
    Process.exit(pid, :kill)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, _} ->
        nil
    end
  end

  def start(fun), do: {:ok, spawn(fun)}
  def start_link(fun), do: {:ok, spawn_link(fun)}
end

defmodule Agent do
  def start_link(fun, options \\ []), do: GenServer.start_link(Agent.Server, fun, options)
  def start(fun, options \\ []), do: GenServer.start(Agent.Server, fun, options)
  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)
  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)

  def get_and_update(agent, fun, timeout \\ 5000),
    do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  def cast(agent, fun), do: GenServer.cast(agent, {:cast, fun})
  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)
end

defmodule Agent.Server do
  use GenServer

  def init(fun), do: {:ok, fun.()}

  def handle_call({:get, fun}, _from, state), do: {:reply, fun.(state), state}

  def handle_call({:get_and_update, fun}, _from, state) do
    {reply, new_state} = fun.(state)
    {:reply, reply, new_state}
  end

  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, fun.(state)}

  def handle_cast({:cast, fun}, state), do: {:noreply, fun.(state)}
end
