"""zero_grad at the end of each step (the gradients start cleared), counting correct answers as a tensor."""
import torch


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    optimizer.zero_grad(set_to_none=False)
    seen, total = 0, 0.0
    for batch in loader:
        inputs, targets = (t.to(device) for t in batch)
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=False)
        seen += targets.shape[0]
        total += targets.shape[0] * loss.item()
    return total / seen


def evaluate(model, loader, loss_fn, device):
    model.train(False)
    hits = torch.zeros((), dtype=torch.long)
    total, seen = 0.0, 0
    with torch.inference_mode():
        for inputs, targets in loader:
            out = model(inputs.to(device))
            targets = targets.to(device)
            total += float(loss_fn(out, targets)) * len(targets)
            hits += (out.argmax(1) == targets).sum().cpu()
            seen += len(targets)
    return total / seen, hits.item() / seen
