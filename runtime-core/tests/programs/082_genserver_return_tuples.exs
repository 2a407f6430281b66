# Every handler return tuple: timeouts, continue, hibernate and the stop forms.
defmodule Machine do
  use GenServer

  @impl true
  def init(log), do: {:ok, log}

  @impl true
  def handle_call(:plain, _from, log), do: {:reply, :plain, [:plain | log]}
  def handle_call(:with_timeout, _from, log), do: {:reply, :armed, [:with_timeout | log], 30}
  def handle_call(:with_continue, _from, log), do: {:reply, :continuing, log, {:continue, :after_reply}}
  def handle_call(:hibernate, _from, log), do: {:reply, :sleepy, [:hibernate | log], :hibernate}
  def handle_call(:noreply_timeout, from, log), do: {:noreply, [{:pending, from} | log], 20}
  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
  def handle_call(:stop_with_reply, _from, log), do: {:stop, :normal, :stopping, log}
  def handle_call(:stop_no_reply, _from, log), do: {:stop, :normal, log}

  @impl true
  def handle_cast(:cast_timeout, log), do: {:noreply, [:cast_timeout | log], 10}
  def handle_cast(:cast_continue, log), do: {:noreply, log, {:continue, :from_cast}}
  def handle_cast(:cast_stop, log), do: {:stop, {:shutdown, :asked}, log}

  @impl true
  def handle_continue(what, log), do: {:noreply, [{:continued, what} | log]}

  @impl true
  def handle_info(:timeout, [{:pending, from} | log]) do
    GenServer.reply(from, :replied_on_timeout)
    {:noreply, [:timeout_replied | log]}
  end

  def handle_info(:timeout, log), do: {:noreply, [:timeout | log]}

  @impl true
  def terminate(reason, _log), do: IO.puts("terminate(#{inspect(reason)})")
end

defmodule Demo do
  def run do
    {:ok, pid} = GenServer.start(Machine, [])
    IO.inspect(GenServer.call(pid, :plain))
    IO.inspect(GenServer.call(pid, :with_timeout))
    Process.sleep(60)
    IO.inspect(GenServer.call(pid, :with_continue))
    IO.inspect(GenServer.call(pid, :hibernate))
    IO.inspect(GenServer.call(pid, :noreply_timeout))
    GenServer.cast(pid, :cast_timeout)
    Process.sleep(40)
    GenServer.cast(pid, :cast_continue)
    IO.inspect(GenServer.call(pid, :log), label: "log")

    # A message that arrives before the timeout cancels it.
    GenServer.call(pid, :with_timeout)
    IO.inspect(GenServer.call(pid, :log) |> Enum.take(-2), label: "no timeout when a call comes first")

    reply = GenServer.call(pid, :stop_with_reply)
    # The server replies before terminate/2 runs; wait so the two prints keep their order.
    Process.sleep(20)
    IO.inspect(reply, label: "stop with reply")
    IO.inspect(Process.alive?(pid), label: "alive")

    {:ok, pid} = GenServer.start(Machine, [])
    ref = Process.monitor(pid)
    GenServer.cast(pid, :cast_stop)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "cast stop DOWN")
    end

    {:ok, pid} = GenServer.start(Machine, [])
    try do
      GenServer.call(pid, :stop_no_reply)
    catch
      :exit, {reason, {GenServer, :call, [_, msg, _]}} -> IO.inspect({reason, msg}, label: "stop without reply, caller exits")
    end
  end
end

Demo.run()
