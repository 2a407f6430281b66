# Task.async/await, await_many, yield and an await that times out.
defmodule Demo do
  def run do
    task = Task.async(fn -> 6 * 7 end)
    IO.inspect(Task.await(task), label: "await")

    tasks = for n <- [30, 10, 20], do: Task.async(fn -> Process.sleep(n); n end)
    IO.inspect(Task.await_many(tasks), label: "await_many keeps task order")

    IO.inspect(Enum.map(1..5, fn n -> Task.async(fn -> n * n end) end) |> Enum.map(&Task.await/1))

    slow = Task.async(fn -> Process.sleep(200); :slow_done end)
    IO.inspect(Task.yield(slow, 20), label: "yield before it finishes")
    IO.inspect(Task.yield(slow, 1000), label: "yield again")

    never = Task.async(fn -> Process.sleep(:infinity) end)
    IO.inspect(Task.shutdown(never), label: "shutdown")

    quick = Task.async(fn -> :quick end)
    Process.sleep(20)
    IO.inspect(Task.shutdown(quick), label: "shutdown after it finished")

    late = Task.async(fn -> Process.sleep(200); :too_late end)
    try do
      Task.await(late, 20)
    catch
      :exit, {reason, {Task, :await, [_task, timeout]}} -> IO.inspect({reason, timeout}, label: "await timed out")
    end

    IO.inspect(is_struct(task, Task), label: "a Task is a struct")
    IO.inspect(task.owner == self(), label: "owner is the caller")
    results = Task.async_stream([3, 1, 2], fn n -> n * 100 end) |> Enum.to_list()
    IO.inspect(results, label: "async_stream")
  end
end

Demo.run()
