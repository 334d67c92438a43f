// SPDX-License-Identifier: MIT
#pragma once

#include "design/elements.h"
#include "pictureoptions.h"

#include <QDialog>
#include <QList>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class SceneRenderer;

// The options of a PNG or SVG export, with a preview of the picture and its size in pixels:
// scale (PNG), white or transparent background, whole design or selection, findings badges.
// It only chooses; ExchangeController asks where to write and writes.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr QSize PreviewSize{ 420, 240 };

    ExportDialog(const PictureOptions &options,
        const SceneRenderer &renderer,
        const QList<ElementId> &selection,
        QWidget *parent = nullptr);

    PictureOptions options() const;
    /** The size of the picture the options give, in pixels. */
    QSize pictureSize() const;
    /** False when the picture would be too large to write. */
    bool canExport() const;

private:
    void update();
    void updatePreview();
    QSizeF sourceSize() const;

    const SceneRenderer &m_renderer;
    QList<ElementId> m_selection;
    PictureOptions::Format m_format = PictureOptions::Format::Png;
    QSizeF m_wholeSize;
    QSizeF m_selectionSize;

    QLabel *m_preview = nullptr;
    QComboBox *m_scale = nullptr;
    QRadioButton *m_white = nullptr;
    QRadioButton *m_transparent = nullptr;
    QRadioButton *m_whole = nullptr;
    QRadioButton *m_selectionOnly = nullptr;
    QCheckBox *m_badges = nullptr;
    QLabel *m_size = nullptr;
    QPushButton *m_export = nullptr;
};
