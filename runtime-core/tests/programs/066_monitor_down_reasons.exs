# Monitors: the :DOWN message and its reason for each way a process can end without crashing.
defmodule Watch do
  def down_reason(fun) do
    pid = spawn(fun)
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    after
      1000 -> :no_down
    end
  end

  def run do
    IO.inspect(down_reason(fn -> :ok end), label: "returns")
    IO.inspect(down_reason(fn -> exit(:normal) end), label: "exit normal")
    IO.inspect(down_reason(fn -> exit(:custom) end), label: "exit custom")
    IO.inspect(down_reason(fn -> exit({:shutdown, :bye}) end), label: "exit shutdown tuple")
    IO.inspect(down_reason(fn -> Process.sleep(:infinity) end), label: "never ends")

    dead = spawn(fn -> :ok end)
    Process.sleep(10)
    ref = Process.monitor(dead)
    receive do
      {:DOWN, ^ref, :process, ^dead, reason} -> IO.inspect(reason, label: "already dead")
    end

    sleeper = spawn(fn -> Process.sleep(:infinity) end)
    ref = Process.monitor(sleeper)
    Process.exit(sleeper, :kill)
    receive do
      {:DOWN, ^ref, :process, ^sleeper, reason} -> IO.inspect(reason, label: "killed")
    end

    Process.register(spawn(fn -> Process.sleep(20) end), :named_proc)
    ref = Process.monitor(:named_proc)
    receive do
      {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason}, label: "monitor by name")
    end

    ref = Process.monitor(:no_such_name)
    receive do
      {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason}, label: "unknown name")
    end
  end
end

Watch.run()
