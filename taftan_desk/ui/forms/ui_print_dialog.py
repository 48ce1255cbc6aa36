# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PrintDialog(object):
    def setupUi(self, PrintDialog):
        if not PrintDialog.objectName():
            PrintDialog.setObjectName(u"PrintDialog")
        PrintDialog.resize(820, 640)
        self.main_layout = QHBoxLayout(PrintDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.options_layout = QVBoxLayout()
        self.options_layout.setObjectName(u"options_layout")
        self.intro_label = QLabel(PrintDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.options_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.kind_label = QLabel(PrintDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(PrintDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.size_label = QLabel(PrintDialog)
        self.size_label.setObjectName(u"size_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.size_label)

        self.size_combo = QComboBox(PrintDialog)
        self.size_combo.setObjectName(u"size_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.size_combo)

        self.printer_label = QLabel(PrintDialog)
        self.printer_label.setObjectName(u"printer_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.printer_label)

        self.printer_combo = QComboBox(PrintDialog)
        self.printer_combo.setObjectName(u"printer_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.printer_combo)

        self.queue_label = QLabel(PrintDialog)
        self.queue_label.setObjectName(u"queue_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.queue_label)

        self.queue_state_label = QLabel(PrintDialog)
        self.queue_state_label.setObjectName(u"queue_state_label")
        self.queue_state_label.setWordWrap(True)
        self.queue_state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.queue_state_label)

        self.folder_label = QLabel(PrintDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_edit = QLineEdit(PrintDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.folder_edit)

        self.reprint_reason_label = QLabel(PrintDialog)
        self.reprint_reason_label.setObjectName(u"reprint_reason_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reprint_reason_label)

        self.reprint_reason_edit = QLineEdit(PrintDialog)
        self.reprint_reason_edit.setObjectName(u"reprint_reason_edit")
        self.reprint_reason_edit.setMaxLength(500)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reprint_reason_edit)


        self.options_layout.addLayout(self.form_layout)

        self.auto_release_check = QCheckBox(PrintDialog)
        self.auto_release_check.setObjectName(u"auto_release_check")

        self.options_layout.addWidget(self.auto_release_check)

        self.copies_label = QLabel(PrintDialog)
        self.copies_label.setObjectName(u"copies_label")
        self.copies_label.setWordWrap(True)

        self.options_layout.addWidget(self.copies_label)

        self.options_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.options_layout.addItem(self.options_spacer)

        self.error_label = QLabel(PrintDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.options_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(PrintDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.options_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.options_layout)

        self.preview_area = QScrollArea(PrintDialog)
        self.preview_area.setObjectName(u"preview_area")
        self.preview_area.setMinimumSize(QSize(600, 560))
        self.preview_area.setWidgetResizable(True)
        self.preview_label = QLabel()
        self.preview_label.setObjectName(u"preview_label")
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignHCenter|Qt.AlignmentFlag.AlignTop)
        self.preview_area.setWidget(self.preview_label)

        self.main_layout.addWidget(self.preview_area)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.size_label.setBuddy(self.size_combo)
        self.printer_label.setBuddy(self.printer_combo)
        self.folder_label.setBuddy(self.folder_edit)
        self.reprint_reason_label.setBuddy(self.reprint_reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_combo, self.size_combo)
        QWidget.setTabOrder(self.size_combo, self.printer_combo)
        QWidget.setTabOrder(self.printer_combo, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, self.auto_release_check)

        self.retranslateUi(PrintDialog)

        QMetaObject.connectSlotsByName(PrintDialog)
    # setupUi

    def retranslateUi(self, PrintDialog):
        PrintDialog.setWindowTitle(QCoreApplication.translate("PrintDialog", u"Print \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("PrintDialog", u"About this document", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.kind_label.setText(QCoreApplication.translate("PrintDialog", u"&Document", None))
#if QT_CONFIG(accessibility)
        self.kind_combo.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Document", None))
#endif // QT_CONFIG(accessibility)
        self.size_label.setText(QCoreApplication.translate("PrintDialog", u"&Paper", None))
#if QT_CONFIG(accessibility)
        self.size_combo.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Paper", None))
#endif // QT_CONFIG(accessibility)
        self.printer_label.setText(QCoreApplication.translate("PrintDialog", u"P&rinter", None))
#if QT_CONFIG(accessibility)
        self.printer_combo.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Printer", None))
#endif // QT_CONFIG(accessibility)
        self.queue_label.setText(QCoreApplication.translate("PrintDialog", u"State", None))
#if QT_CONFIG(accessibility)
        self.queue_state_label.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Printer state", None))
#endif // QT_CONFIG(accessibility)
        self.queue_state_label.setText("")
        self.folder_label.setText(QCoreApplication.translate("PrintDialog", u"PDF &folder", None))
#if QT_CONFIG(accessibility)
        self.folder_edit.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Folder for PDF files", None))
#endif // QT_CONFIG(accessibility)
        self.reprint_reason_label.setText(QCoreApplication.translate("PrintDialog", u"&Why again", None))
#if QT_CONFIG(accessibility)
        self.reprint_reason_edit.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Why this document is printed again", None))
#endif // QT_CONFIG(accessibility)
        self.reprint_reason_edit.setPlaceholderText(QCoreApplication.translate("PrintDialog", u"e.g. the first copy jammed in the printer", None))
#if QT_CONFIG(accessibility)
        self.auto_release_check.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Print the gate pass on release", None))
#endif // QT_CONFIG(accessibility)
        self.auto_release_check.setText(QCoreApplication.translate("PrintDialog", u"Print the gate pass on &release", None))
#if QT_CONFIG(accessibility)
        self.copies_label.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Copies printed before", None))
#endif // QT_CONFIG(accessibility)
        self.copies_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
#if QT_CONFIG(accessibility)
        self.preview_area.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Preview", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.preview_label.setAccessibleName(QCoreApplication.translate("PrintDialog", u"Preview of the document", None))
#endif // QT_CONFIG(accessibility)
        self.preview_label.setText("")
    # retranslateUi

