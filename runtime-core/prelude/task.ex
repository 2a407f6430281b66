# Task and Agent: small processes built from spawn, monitors and GenServer.

defmodule Task do
  defstruct mfa: nil, owner: nil, pid: nil, ref: nil

  def async(fun) do
    owner = self()
    ref = make_ref()
    pid = :callcast.spawn_quiet(body(owner, fn -> send(owner, {ref, fun.()}) end, fun), true)
    :callcast.monitor_as(pid, ref)
    %Task{mfa: {:erlang, :apply, 2}, owner: owner, pid: pid, ref: ref}
  end

  # A task reports any abnormal end itself (as Task.Supervised does), instead
  # of the plain "Process raised an exception" report.
  defp body(owner, run, fun) do
    fn ->
      try do
        run.()
      catch
        :exit, reason when reason in [:normal, :shutdown] ->
          exit(reason)

        :exit, {:shutdown, _} = reason ->
          exit(reason)

        kind, reason ->
          banner =
            case kind do
              :exit -> "** (stop) #{Exception.format_exit(reason)}"
              _ -> Exception.format_banner(kind, reason, __STACKTRACE__) <> Exception.__stack_lines__(__STACKTRACE__)
            end

          :callcast.log_error(
            "Task #{inspect(self())} started from #{inspect(owner)} terminating\n#{banner}\nFunction: #{inspect(fun)}\n    Args: []"
          )

          :erlang.raise(kind, reason, __STACKTRACE__)
      end
    end
  end

  def async_stream(enumerable, fun, _options \\ []) do
    enumerable
    |> Enum.map(fn x -> async(fn -> fun.(x) end) end)
    |> Enum.map(fn task -> {:ok, await(task, :infinity)} end)
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

  def child_spec(arg), do: %{id: Task, restart: :temporary, start: {Task, :start_link, [arg]}}

  def start(fun), do: {:ok, :callcast.spawn_quiet(body(self(), fun, fun), false)}
  def start_link(fun), do: {:ok, :callcast.spawn_quiet(body(self(), fun, fun), true)}
  def start(module, fun, args), do: start(fn -> apply(module, fun, args) end)
  def start_link(module, fun, args), do: start_link(fn -> apply(module, fun, args) end)

  # Waits for all the tasks at once, up to `timeout` in total.
  def yield_many(tasks, timeout \\ 5000) do
    deadline = if timeout == :infinity, do: :infinity, else: System.monotonic_time(:millisecond) + timeout

    Enum.map(tasks, fn task ->
      left =
        if deadline == :infinity,
          do: :infinity,
          else: max(deadline - System.monotonic_time(:millisecond), 0)

      {task, yield(task, left)}
    end)
  end
end

defmodule Agent do
  def child_spec(arg), do: %{id: Agent, start: {Agent, :start_link, [arg]}}
  def start_link(fun, options \\ []), do: GenServer.start_link(Agent.Server, fun, options)
  def start(fun, options \\ []), do: GenServer.start(Agent.Server, fun, options)
  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)
  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)

  def get_and_update(agent, fun, timeout \\ 5000),
    do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  def cast(agent, fun), do: GenServer.cast(agent, {:cast, fun})

  def start_link(module, fun, args, options \\ []),
    do: start_link(fn -> apply(module, fun, args) end, options)

  def start(module, fun, args, options \\ []), do: start(fn -> apply(module, fun, args) end, options)

  def get(agent, module, fun, args, timeout \\ 5000),
    do: get(agent, &apply(module, fun, [&1 | args]), timeout)

  def update(agent, module, fun, args, timeout \\ 5000),
    do: update(agent, &apply(module, fun, [&1 | args]), timeout)

  def get_and_update(agent, module, fun, args, timeout \\ 5000),
    do: get_and_update(agent, &apply(module, fun, [&1 | args]), timeout)

  def cast(agent, module, fun, args), do: cast(agent, &apply(module, fun, [&1 | args]))
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
