# GenServer as OTP builds it (gen.erl, gen_server.erl): one process running a
# receive loop; `call` is monitor + tagged request + selective receive with a
# timeout; `cast` is a plain send that never fails. Readers can step through it.

defmodule GenServer do
  def start_link(module, init_arg, options \\ []), do: do_start(module, init_arg, options, true)

  def start(module, init_arg, options \\ []), do: do_start(module, init_arg, options, false)

  defp do_start(module, init_arg, options, link?) do
    name = Keyword.get(options, :name)
    check_name(name)

    case name && whereis(name) do
      pid when is_pid(pid) ->
        {:error, {:already_started, pid}}

      _ ->
        starter = self()
        # Without a link the server is its own parent, as in OTP.
        parent = if link?, do: starter, else: :self
        ref = make_ref()
        init = fn -> init_it(starter, parent, ref, module, init_arg, name) end
        pid = if link?, do: spawn_link(init), else: spawn(init)
        monitor = Process.monitor(pid)

        receive do
          {^ref, :ok} ->
            Process.demonitor(monitor, [:flush])
            {:ok, pid}

          {^ref, :ignore} ->
            Process.demonitor(monitor, [:flush])
            :ignore

          {^ref, {:error, reason}} ->
            Process.demonitor(monitor, [:flush])
            {:error, reason}

          {:DOWN, ^monitor, :process, ^pid, reason} ->
            {:error, reason}
        end
    end
  end

  defp check_name(name) when is_atom(name), do: :ok
  defp check_name({:global, _}), do: :ok
  defp check_name({:via, module, _}) when is_atom(module), do: :ok

  defp check_name(other) do
    raise ArgumentError,
          "expected :name option to be one of the following:\n\n  * nil\n  * atom\n  * {:global, term}\n  * {:via, module, term}\n\nGot: #{inspect(other)}\n"
  end

  defp init_it(starter, parent, ref, module, init_arg, name) do
    parent = if parent == :self, do: self(), else: parent
    if is_atom(name) and name != nil, do: Process.register(self(), name)

    result = try_init(fn -> module.init(init_arg) end)

    case result do
      {:ok, {:ok, state}} ->
        send(starter, {ref, :ok})
        loop(parent, module, state, :infinity)

      {:ok, {:ok, state, {:continue, continue}}} ->
        send(starter, {ref, :ok})
        handle_continue(parent, module, state, continue)

      {:ok, {:ok, state, timeout}} ->
        send(starter, {ref, :ok})
        loop(parent, module, state, timeout)

      {:ok, {:stop, reason}} ->
        send(starter, {ref, {:error, reason}})
        exit(reason)

      {:ok, :ignore} ->
        send(starter, {ref, :ignore})
        exit(:normal)

      {:ok, other} ->
        send(starter, {ref, {:error, {:bad_return_value, other}}})
        exit({:bad_return_value, other})

      {:exit, reason, _stack} ->
        send(starter, {ref, {:error, reason}})
        exit(reason)

      {kind, reason, stack} ->
        error = exit_reason(kind, reason, stack)
        send(starter, {ref, {:error, error}})
        exit(error)
    end
  end

  defp loop(parent, module, state, :hibernate), do: loop(parent, module, state, :infinity)

  defp loop(parent, module, state, timeout) do
    :callcast.gen_state(module, state)

    receive do
      message -> handle_message(parent, module, state, message)
    after
      timeout -> handle_message(parent, module, state, :timeout)
    end
  end

  defp handle_message(parent, module, state, {:"$gen_call", from, request} = message) do
    result = try_handle_call(module, request, from, state)

    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(parent, module, new_state, :infinity)

      {:ok, {:reply, reply, new_state, {:continue, continue}}} ->
        reply(from, reply)
        handle_continue(parent, module, new_state, continue)

      {:ok, {:reply, reply, new_state, timeout}} ->
        reply(from, reply)
        loop(parent, module, new_state, timeout)

      {:ok, {:stop, reason, reply, new_state}} ->
        stop(module, reason, new_state, message, fn -> reply(from, reply) end)

      other ->
        handle_common(parent, module, state, message, other)
    end
  end

  defp handle_message(parent, module, state, {:"$gen_cast", request} = message) do
    result = try_dispatch(module, :handle_cast, request, state)

    handle_common(parent, module, state, message, result)
  end

  defp handle_message(_parent, module, state, {:"$gen_stop", {caller, ref}, reason}) do
    terminate(module, reason, state)
    report(module, reason, state, [])
    send(caller, {ref, :ok})
    exit(reason)
  end

  defp handle_message(parent, module, state, {:system, from, request}) do
    case request do
      :get_state ->
        reply(from, state)
        loop(parent, module, state, :infinity)

      {:replace_state, fun} ->
        new_state = fun.(state)
        reply(from, new_state)
        loop(parent, module, new_state, :infinity)
    end
  end

  defp handle_message(parent, module, state, {:EXIT, parent, reason} = message) do
    stop(module, reason, state, message, fn -> :ok end)
  end

  defp handle_message(parent, module, state, message) do
    result = try_dispatch(module, :handle_info, message, state)

    handle_common(parent, module, state, message, result)
  end

  defp handle_continue(parent, module, state, continue) do
    result = try_handle_continue(fn -> module.handle_continue(continue, state) end)

    handle_common(parent, module, state, {:continue, continue}, result)
  end

  defp handle_common(parent, module, state, message, result) do
    case result do
      {:ok, {:noreply, new_state}} ->
        loop(parent, module, new_state, :infinity)

      {:ok, {:noreply, new_state, {:continue, continue}}} ->
        handle_continue(parent, module, new_state, continue)

      {:ok, {:noreply, new_state, timeout}} ->
        loop(parent, module, new_state, timeout)

      {:ok, {:stop, reason, new_state}} ->
        stop(module, reason, new_state, message, fn -> :ok end)

      {:ok, other} ->
        stop(module, {:bad_return_value, other}, state, message, fn -> :ok end)

      {kind, reason, stack} ->
        crash(module, exit_reason(kind, reason, stack), state, message)
    end
  end

  # Each callback runs inside one of these, named after the gen_server.erl
  # function that runs it there, so that a crash's stack trace can show the
  # frames the BEAM shows. As gen_server.erl does, a thrown value is the
  # callback's return value; an error or exit comes back with its stack.
  defp try_init(callback) do
    try do
      {:ok, callback.()}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {kind, reason, __STACKTRACE__}
    end
  end

  # The message callbacks are named functions rather than closures, as in
  # gen_server.erl: no closure is built for every message.
  defp try_handle_call(module, request, from, state) do
    try do
      {:ok, call_callback(module, request, from, state)}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {kind, reason, __STACKTRACE__}
    end
  end

  defp try_dispatch(module, callback, message, state) do
    try do
      {:ok, dispatch(module, callback, message, state)}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {kind, reason, __STACKTRACE__}
    end
  end

  defp try_handle_continue(callback) do
    try do
      {:ok, callback.()}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {kind, reason, __STACKTRACE__}
    end
  end

  defp call_callback(module, request, from, state) do
    if function_exported?(module, :handle_call, 3) do
      module.handle_call(request, from, state)
    else
      raise "attempted to call GenServer #{inspect(self())} but no handle_call/3 clause was provided"
    end
  end

  defp dispatch(module, :handle_cast, request, state) do
    if function_exported?(module, :handle_cast, 2) do
      module.handle_cast(request, state)
    else
      raise "attempted to cast GenServer #{inspect(self())} but no handle_cast/2 clause was provided"
    end
  end

  defp dispatch(module, :handle_info, message, state) do
    if function_exported?(module, :handle_info, 2) do
      module.handle_info(message, state)
    else
      :callcast.log_error(
        "#{inspect(module)} #{inspect(self())} received unexpected message in handle_info/2: #{inspect(message)}\n"
      )

      {:noreply, state}
    end
  end

  defp exit_reason(:exit, reason, _stack), do: reason
  defp exit_reason(:error, reason, stack), do: {reason, stack}

  # A callback asked to stop: terminate/2, then the reply (if any), then exit.
  defp stop(module, reason, state, message, after_terminate) do
    terminate(module, reason, state)
    after_terminate.()
    report(module, reason, state, message)
    exit(reason)
  end

  defp crash(module, reason, state, message) do
    terminate(module, reason, state)
    report(module, reason, state, message)
    exit(reason)
  end

  defp terminate(module, reason, state) do
    if function_exported?(module, :terminate, 2), do: module.terminate(reason, state)
  end

  defp report(_module, :normal, _state, _message), do: :ok
  defp report(_module, :shutdown, _state, _message), do: :ok
  defp report(_module, {:shutdown, _}, _state, _message), do: :ok

  defp report(_module, reason, state, message) do
    name =
      case Process.info(self(), :registered_name) do
        {:registered_name, name} -> inspect(name)
        _ -> inspect(self())
      end

    last =
      case message do
        {:"$gen_call", {from, _tag}, request} -> "Last message (from #{inspect(from)}): #{inspect(request)}"
        _ -> "Last message: #{inspect(message)}"
      end

    client =
      case message do
        {:"$gen_call", {from, _tag}, _request} ->
          status = if Process.alive?(from), do: "alive", else: "dead"
          "\nClient #{inspect(from)} is #{status}\n"

        _ ->
          ""
      end

    :callcast.log_error(
      "GenServer #{name} terminating\n#{format_reason(reason)}\n#{last}\nState: #{inspect(state)}#{client}"
    )
  end

  # As Elixir's logger translator: an error's reason (a term and its stack
  # trace) is shown as the exception it normalizes to, then the stack; a term
  # that normalizes to no known exception is shown as an exit.
  defp format_reason({reason, [_ | _] = stack} = exit) do
    if Exception.stacktrace?(stack) do
      banner =
        case Exception.normalize(:error, reason, stack) do
          %ErlangError{} -> "** (stop) #{Exception.format_exit(reason)}"
          _ -> Exception.format_banner(:error, reason, stack)
        end

      banner <> Exception.__stack_lines__(stack)
    else
      "** (stop) #{Exception.format_exit(exit)}"
    end
  end

  defp format_reason({%{__exception__: true} = exception, []}),
    do: Exception.format_banner(:error, exception)

  defp format_reason(reason), do: "** (stop) #{Exception.format_exit(reason)}"

  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :call, [server, request, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :call, [server, request, timeout]}})

      pid ->
        monitor = Process.monitor(pid)
        alias = :erlang.alias()
        tag = [:alias | alias]
        :callcast.send(pid, {:"$gen_call", {self(), tag}, request}, :call)

        receive do
          {^tag, reply} ->
            :erlang.unalias(alias)
            Process.demonitor(monitor, [:flush])
            reply

          {:DOWN, ^monitor, _, _, reason} ->
            :erlang.unalias(alias)
            exit({reason, {GenServer, :call, [server, request, timeout]}})
        after
          timeout ->
            :erlang.unalias(alias)
            Process.demonitor(monitor, [:flush])
            exit({:timeout, {GenServer, :call, [server, request, timeout]}})
        end
    end
  end

  def cast(server, request) do
    :callcast.send(server, {:"$gen_cast", request}, :cast)
    :ok
  end

  def reply({_pid, [:alias | alias] = tag}, reply) do
    :callcast.send(alias, {tag, reply}, :reply)
    :ok
  end

  def reply({pid, tag}, reply) do
    :callcast.send(pid, {tag, reply}, :reply)
    :ok
  end

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})

      pid ->
        monitor = Process.monitor(pid)
        ref = make_ref()
        send(pid, {:"$gen_stop", {self(), ref}, reason})

        receive do
          {:DOWN, ^monitor, _, _, ^reason} ->
            :ok

          {:DOWN, ^monitor, _, _, other} ->
            exit({other, {GenServer, :stop, [server, reason, timeout]}})
        after
          timeout ->
            Process.demonitor(monitor, [:flush])
            exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
        end
    end
  end

  def whereis(pid) when is_pid(pid), do: pid
  def whereis({:global, _name}), do: nil
  def whereis({:via, _module, _name}), do: nil
  def whereis(name) when is_atom(name), do: Process.whereis(name)
  def whereis({name, _node}) when is_atom(name), do: Process.whereis(name)
end

defmodule :sys do
  def get_state(server, timeout \\ 5000), do: system_call(server, :get_state, timeout)

  def replace_state(server, fun, timeout \\ 5000),
    do: system_call(server, {:replace_state, fun}, timeout)

  defp system_call(server, request, timeout) do
    case GenServer.whereis(server) do
      nil ->
        exit({:noproc, {:sys, :get_state, [server]}})

      pid ->
        monitor = Process.monitor(pid)
        tag = make_ref()
        send(pid, {:system, {self(), tag}, request})

        receive do
          {^tag, reply} ->
            Process.demonitor(monitor, [:flush])
            reply

          {:DOWN, ^monitor, _, _, reason} ->
            exit({reason, {:sys, :get_state, [server]}})
        after
          timeout ->
            Process.demonitor(monitor, [:flush])
            exit({:timeout, {:sys, :get_state, [server]}})
        end
    end
  end
end
