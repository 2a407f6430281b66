# Task.start and Task.start_link: fire-and-forget processes, and a crashing linked task.
defmodule Demo do
  def run do
    parent = self()
    {:ok, pid} = Task.start(fn -> send(parent, {:from_task, :hello}) end)
    IO.inspect(is_pid(pid), label: "Task.start gives a pid")
    receive do
      {:from_task, msg} -> IO.inspect(msg, label: "message from the task")
    end

    {:ok, linked} = Task.start_link(fn -> receive do: (:go -> send(parent, :went)) end)
    IO.inspect(Process.info(self(), :links) |> elem(1) |> Enum.member?(linked), label: "linked")
    send(linked, :go)
    receive do
      :went -> IO.puts("linked task ran")
    end

    Process.flag(:trap_exit, true)
    {:ok, crasher} = Task.start_link(fn -> raise "task failed" end)
    receive do
      {:EXIT, ^crasher, {exception, _stack}} ->
        Process.sleep(50)
        IO.inspect(exception, label: "EXIT from the crashed task")
    end

    {:ok, quitter} = Task.start(fn -> exit(:quit) end)
    ref = Process.monitor(quitter)
    receive do
      {:DOWN, ^ref, :process, ^quitter, reason} ->
        Process.sleep(50)
        IO.inspect(reason, label: "unlinked task exit (a Task logs any abnormal exit)")
    end
  end
end

Demo.run()
