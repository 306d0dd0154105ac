const express = require('express');
const { requireUser } = require('../auth');
const projects = require('../services/projects');

const router = express.Router();

router.use(requireUser);

router.get('/', async (req, res, next) => {
  try {
    const list = await projects.listForUser(req.user.id);
    res.json(list);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    const project = await projects.create(req.user.id, req.body);
    res.status(201).json(project);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const project = await projects.get(req.user.id, req.params.id);
    if (!project) {
      res.status(404).json({ error: `project ${req.params.id} not found` });
      return;
    }
    res.json(project);
  } catch (err) {
    next(err);
  }
});

router.patch('/:id', async (req, res, next) => {
  try {
    const project = await projects.update(req.user.id, req.params.id, req.body);
    res.json(project);
  } catch (err) {
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    await projects.remove(req.user.id, req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.post('/:id/archive', async (req, res, next) => {
  try {
    const project = await projects.archive(req.user.id, req.params.id);
    res.json(project);
  } catch (err) {
    if (err.code === 'ALREADY_ARCHIVED') {
      res.status(409).json({ error: err.message });
      return;
    }
    next(err);
  }
});

router.get('/:id/members', async (req, res, next) => {
  try {
    const members = await projects.members(req.user.id, req.params.id);
    res.json(members);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
