# Process.exit/2: :normal is ignored by other processes, :kill cannot be trapped, others kill unless trapped.
defmodule Signals do
  def outcome(trap?, reason) do
    parent = self()
    pid =
      spawn(fn ->
        Process.flag(:trap_exit, trap?)
        send(parent, :ready)
        receive do
          msg -> send(parent, {:got, msg})
        end
      end)

    receive do
      :ready -> :ok
    end

    ref = Process.monitor(pid)
    Process.exit(pid, reason)

    receive do
      {:got, {:EXIT, from, r}} ->
        Process.demonitor(ref, [:flush])
        {:trapped_as_message, from == parent, r}

      {:DOWN, ^ref, :process, ^pid, r} ->
        {:died, r}
    after
      100 ->
        Process.exit(pid, :kill)
        :still_alive
    end
  end

  def run do
    for trap? <- [false, true], reason <- [:normal, :shutdown, :custom, :kill] do
      IO.inspect(outcome(trap?, reason), label: "trap_exit=#{trap?} exit(#{inspect(reason)})")
    end

    me_ref = make_ref()
    parent = self()
    pid = spawn(fn ->
      Process.exit(self(), :normal)
      send(parent, {me_ref, :survived_own_normal_exit?})
    end)
    ref = Process.monitor(pid)
    receive do
      {^me_ref, msg} -> IO.inspect(msg)
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "Process.exit(self(), :normal) ends the caller")
    end

    IO.inspect(Process.exit(spawn(fn -> :ok end), :kill), label: "Process.exit returns")
  end
end

Signals.run()
