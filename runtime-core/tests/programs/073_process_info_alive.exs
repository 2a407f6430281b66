# Process.alive?, Process.info and the message queue length.
defmodule Info do
  def run do
    pid = spawn(fn -> receive do: (:stop -> :ok) end)
    IO.inspect(Process.alive?(pid), label: "alive")
    for i <- 1..5, do: send(pid, {:msg, i})
    Process.sleep(10)
    IO.inspect(Process.info(pid, :message_queue_len), label: "queued")
    {:messages, msgs} = Process.info(pid, :messages)
    IO.inspect(msgs, label: "messages")
    send(pid, :stop)
    Process.sleep(10)
    IO.inspect(Process.alive?(pid), label: "alive after stop")
    IO.inspect(Process.info(pid, :message_queue_len), label: "info of a dead process")
    IO.inspect(Process.info(pid), label: "all info of a dead process")
    IO.inspect(Process.alive?(self()), label: "self alive")
    IO.inspect(Process.info(self(), :message_queue_len))
    send(self(), :a)
    send(self(), :b)
    IO.inspect(Process.info(self(), :message_queue_len))
    IO.inspect(Process.info(self(), :messages))
    {:status, status} = Process.info(self(), :status)
    IO.inspect(status, label: "own status")
    Process.register(self(), :info_main)
    IO.inspect(Process.info(self(), :registered_name))
    IO.inspect(Process.info(self(), [:message_queue_len, :registered_name]))
    IO.inspect(Process.get(:key), label: "process dictionary empty")
    Process.put(:key, 1)
    IO.inspect(Process.get(:key), label: "after put")
  end
end

Info.run()
