# A task that crashes: its report, and the exit reason its linked and monitoring owner sees (with the Task.Supervised frames).
defmodule Work do
  def risky(n), do: div(100, n)
end
defmodule Demo do
  def run do
    Process.flag(:trap_exit, true)
    task = Task.async(fn -> Work.risky(0) end)
    receive do
      {:EXIT, _, reason} ->
        Process.sleep(50)
        IO.inspect(reason, label: "task exit")
    end
    receive do
      {:DOWN, ref, _, _, reason} when ref == task.ref -> IO.inspect(reason, label: "down")
    end
  end
end
Demo.run()
