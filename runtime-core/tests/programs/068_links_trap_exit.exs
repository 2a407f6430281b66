# Links with trap_exit: exit signals arrive as {:EXIT, pid, reason} messages.
defmodule Links do
  def exit_message(fun) do
    pid = spawn_link(fun)
    receive do
      {:EXIT, ^pid, reason} -> reason
    after
      1000 -> :no_exit_message
    end
  end

  def run do
    IO.inspect(Process.flag(:trap_exit, true), label: "trap_exit was")
    IO.inspect(exit_message(fn -> :done end), label: "normal return")
    IO.inspect(exit_message(fn -> exit(:custom) end), label: "exit custom")
    IO.inspect(exit_message(fn -> exit({:shutdown, 1}) end), label: "exit shutdown tuple")

    pid = spawn_link(fn -> Process.sleep(:infinity) end)
    Process.exit(pid, :kill)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "killed")
    end

    pid = spawn(fn -> Process.sleep(:infinity) end)
    Process.link(pid)
    Process.exit(pid, :shutdown)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "linked later, shut down")
    end

    pid = spawn_link(fn -> Process.sleep(:infinity) end)
    Process.unlink(pid)
    Process.exit(pid, :kill)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "unlinked but got")
    after
      50 -> IO.puts("no EXIT after unlink")
    end

    Process.link(spawn(fn -> :ok end) |> tap(fn _ -> Process.sleep(10) end))
    receive do
      {:EXIT, _pid, reason} -> IO.inspect(reason, label: "link to a dead process")
    end

    Process.exit(self(), :from_myself)
    receive do
      {:EXIT, from, reason} -> IO.inspect({from == self(), reason}, label: "exit signal to self while trapping")
    end

    Process.flag(:trap_exit, false)
    child = spawn_link(fn -> exit(:normal) end)
    Process.sleep(20)
    IO.inspect(Process.alive?(child), label: "child alive")
    IO.puts("a :normal exit of a linked process does not kill us")
  end
end

Links.run()
